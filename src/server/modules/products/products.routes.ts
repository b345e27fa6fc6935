import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  Component,
  ComponentList,
  ComponentParams,
  CreateComponent,
  CreateProduct,
  Product,
  ProductList,
  ProductParams,
  UpdateComponent,
  UpdateProduct,
  WorkspaceParams,
} from '../../../shared/contracts.js';
import { withVersion, workspaceActor } from '../../lib/http.js';
import { NoContent, UPDATE_ERRORS, WORKSPACE_ERRORS } from '../../lib/route-schema.js';
import {
  createComponent,
  createProduct,
  deleteComponent,
  deleteProduct,
  getComponent,
  getProduct,
  listComponents,
  listProducts,
  updateComponent,
  updateProduct,
} from './products.service.js';

export async function productRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Products'];
  const base = '/api/v1/workspaces/:workspaceId/products';

  r.get(base, {
    config: { permission: 'product.read' },
    schema: { summary: 'List products with their components, owners and teams', tags, params: WorkspaceParams, response: { 200: ProductList, ...WORKSPACE_ERRORS } },
    handler: (req) => listProducts({ db: app.db, actor: workspaceActor(req) }),
  });
  r.post(base, {
    config: { permission: 'product.create' },
    schema: { summary: 'Create a product', tags, params: WorkspaceParams, body: CreateProduct, response: { 201: Product, ...WORKSPACE_ERRORS } },
    handler: async (req, reply) => reply.status(201).send(await createProduct({ db: app.db, actor: workspaceActor(req), input: req.body })),
  });
  r.get(`${base}/:productId`, {
    config: { permission: 'product.read' },
    schema: { summary: 'Read a product', tags, params: ProductParams, response: { 200: Product, ...WORKSPACE_ERRORS } },
    handler: (req) => getProduct({ db: app.db, actor: workspaceActor(req), productId: req.params.productId }),
  });
  r.patch(`${base}/:productId`, {
    config: { permission: 'product.update' },
    schema: { summary: 'Edit a product', tags, params: ProductParams, body: UpdateProduct, response: { 200: Product, ...UPDATE_ERRORS } },
    handler: (req) => updateProduct({ db: app.db, actor: workspaceActor(req), productId: req.params.productId, input: withVersion(req, req.body) }),
  });
  r.delete(`${base}/:productId`, {
    config: { permission: 'product.delete' },
    schema: { summary: 'Delete a product and its components', tags, params: ProductParams, response: { 204: NoContent, ...WORKSPACE_ERRORS } },
    handler: async (req, reply) => {
      await deleteProduct({ db: app.db, actor: workspaceActor(req), productId: req.params.productId });
      return reply.status(204).send(null);
    },
  });

  const comp = `${base}/:productId/components`;
  const ctags = ['Components'];
  r.get(comp, {
    config: { permission: 'component.read' },
    schema: { summary: 'List the components of a product', tags: ctags, params: ProductParams, response: { 200: ComponentList, ...WORKSPACE_ERRORS } },
    handler: (req) => listComponents({ db: app.db, actor: workspaceActor(req), productId: req.params.productId }),
  });
  r.post(comp, {
    config: { permission: 'component.create' },
    schema: { summary: 'Add a component, optionally with its owner PM and team', tags: ctags, params: ProductParams, body: CreateComponent, response: { 201: Component, ...WORKSPACE_ERRORS } },
    handler: async (req, reply) =>
      reply.status(201).send(await createComponent({ db: app.db, actor: workspaceActor(req), productId: req.params.productId, input: req.body })),
  });
  r.get(`${comp}/:componentId`, {
    config: { permission: 'component.read' },
    schema: { summary: 'Read a component', tags: ctags, params: ComponentParams, response: { 200: Component, ...WORKSPACE_ERRORS } },
    handler: (req) => getComponent({ db: app.db, actor: workspaceActor(req), ...req.params }),
  });
  r.patch(`${comp}/:componentId`, {
    config: { permission: 'component.update' },
    schema: {
      summary: 'Edit a component',
      description: 'Leads and admins edit any component; a PM only the components they own, and cannot hand them to someone else.',
      tags: ctags,
      params: ComponentParams,
      body: UpdateComponent,
      response: { 200: Component, ...UPDATE_ERRORS },
    },
    handler: (req) =>
      updateComponent({ db: app.db, actor: workspaceActor(req), productId: req.params.productId, componentId: req.params.componentId, input: withVersion(req, req.body) }),
  });
  r.delete(`${comp}/:componentId`, {
    config: { permission: 'component.delete' },
    schema: { summary: 'Delete a component', tags: ctags, params: ComponentParams, response: { 204: NoContent, ...WORKSPACE_ERRORS } },
    handler: async (req, reply) => {
      await deleteComponent({ db: app.db, actor: workspaceActor(req), productId: req.params.productId, componentId: req.params.componentId });
      return reply.status(204).send(null);
    },
  });
}
