import { notifications } from '@mantine/notifications';
import { isApiError } from './api/client';

/** The message to show for any error thrown by a query or mutation. */
export function errorMessage(error: unknown): string {
  if (isApiError(error)) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong.';
}

export function notifySuccess(message: string, title?: string) {
  notifications.show({ color: 'teal', title, message });
}

export function notifyError(error: unknown, title = 'That did not work') {
  if (isApiError(error) && error.code === 'version_conflict') {
    notifications.show({
      color: 'orange',
      title: 'Someone else changed this',
      message: 'We loaded the latest version. Review it and try again.',
      autoClose: 8000,
    });
    return;
  }
  notifications.show({ color: 'red', title, message: errorMessage(error) });
}

interface FieldErrorTarget {
  setFieldError: (path: string, error: string) => void;
  getValues: () => object;
}

/**
 * Shows an API error beside the form field it names, or as a notification when it names none
 * (or a field the form does not have).
 */
export function showFormError(form: FieldErrorTarget, error: unknown, title?: string) {
  if (isApiError(error) && error.field) {
    const field = error.field.split('.')[0] ?? error.field;
    if (field in form.getValues()) {
      form.setFieldError(field, error.message);
      return;
    }
  }
  notifyError(error, title);
}
