import { Button, Group, Modal, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useEffect } from 'react';
import { LIMITS } from '../../../shared/limits.js';
import type { ProductT } from '../../lib/api/types';
import { notifySuccess, showFormError } from '../../lib/errors';
import { useCreateProduct, useUpdateProduct } from './use-products';

/** Creates a product, or edits one when `product` is given. */
export function ProductFormModal({
  workspaceId,
  product,
  opened,
  onClose,
  openAfterCreate = true,
}: {
  workspaceId: string;
  product?: ProductT;
  opened: boolean;
  onClose: () => void;
  openAfterCreate?: boolean;
}) {
  const navigate = useNavigate();
  const create = useCreateProduct(workspaceId);
  const update = useUpdateProduct(workspaceId);
  const form = useForm({
    initialValues: { name: '', description: '' },
    validate: {
      name: (v) => (v.trim() ? null : 'Give the product a name.'),
      description: (v) => (v.length > LIMITS.descriptionMax ? `At most ${LIMITS.descriptionMax} characters.` : null),
    },
  });

  useEffect(() => {
    if (opened) {
      form.setValues({ name: product?.name ?? '', description: product?.description ?? '' });
      form.resetDirty();
      form.clearErrors();
    }
    // Reset only when the modal opens or the record changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, product?.id, product?.version]);

  const pending = create.isPending || update.isPending;

  return (
    <Modal opened={opened} onClose={onClose} title={product ? `Edit ${product.name}` : 'Create product'}>
      <form
        onSubmit={form.onSubmit((values) => {
          const body = { name: values.name.trim(), description: values.description.trim() };
          if (product) {
            update.mutate(
              { productId: product.id, version: product.version, ...body },
              {
                onSuccess: () => {
                  notifySuccess('Product saved.');
                  onClose();
                },
                onError: (e) => showFormError(form, e),
              },
            );
          } else {
            create.mutate(body, {
              onSuccess: (p) => {
                notifySuccess(`${p.name} created. Add its components next.`, 'Product created');
                onClose();
                if (openAfterCreate) void navigate({ to: '/w/$workspaceId/products/$productId', params: { workspaceId, productId: p.id } });
              },
              onError: (e) => showFormError(form, e),
            });
          }
        })}
      >
        <Stack>
          <TextInput label="Name" data-autofocus maxLength={LIMITS.nameMax} {...form.getInputProps('name')} />
          <Textarea label="Description" description="What the product is and who it serves." autosize minRows={3} maxRows={8} {...form.getInputProps('description')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={pending}>
              {product ? 'Save' : 'Create product'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The "Create product" button with its modal. */
export function CreateProductButton({ workspaceId, variant = 'filled' }: { workspaceId: string; variant?: 'filled' | 'light' | 'default' }) {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={open} variant={variant}>
        Create product
      </Button>
      <ProductFormModal workspaceId={workspaceId} opened={opened} onClose={close} />
    </>
  );
}
