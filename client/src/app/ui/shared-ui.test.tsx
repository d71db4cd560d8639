// @vitest-environment jsdom
import { CombinedGraphQLErrors } from '@apollo/client';
import { MantineProvider } from '@mantine/core';
import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { useFormErrors } from '../form-errors';
import { setLanguage } from '../i18n';
import { ConfirmButton } from './ConfirmButton';
import { SettingsCard } from './SettingsCard';

const wrap = ({ children }: { children: ReactNode }) => <MantineProvider env="test">{children}</MantineProvider>;

const badInput = (fields: Record<string, string[]>) =>
  new CombinedGraphQLErrors({ errors: [{ message: 'Invalid input', extensions: { code: 'BAD_USER_INPUT', fields } }] });

describe('settings card', () => {
  it('shows skeletons while loading, then the content', () => {
    const { rerender } = render(
      <SettingsCard title="Keys" intro="What keys do" loading>
        <p>the table</p>
      </SettingsCard>,
      { wrapper: wrap },
    );
    expect(screen.getByRole('heading', { name: 'Keys' })).toBeTruthy();
    expect(screen.getByTestId('settings-card-loading').getAttribute('aria-busy')).toBe('true');
    expect(screen.queryByText('the table')).toBeNull();
    rerender(
      <SettingsCard title="Keys" intro="What keys do">
        <p>the table</p>
      </SettingsCard>,
    );
    expect(screen.queryByTestId('settings-card-loading')).toBeNull();
    expect(screen.getByText('the table')).toBeTruthy();
  });

  it('says so when the list is empty, instead of the content', () => {
    render(
      <SettingsCard title="Keys" empty emptyText="No keys yet.">
        <p>the table</p>
      </SettingsCard>,
      { wrapper: wrap },
    );
    expect(screen.getByTestId('settings-card-empty').textContent).toBe('No keys yet.');
    expect(screen.queryByText('the table')).toBeNull();
  });

  it('shows a failed load with a retry button that calls back', async () => {
    const onRetry = vi.fn();
    render(<SettingsCard title="Keys" error={new TypeError('Failed to fetch')} onRetry={onRetry} />, { wrapper: wrap });
    expect(screen.getByRole('alert').textContent).toContain('Cannot reach the server');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });
});

describe('confirm button', () => {
  it('asks first, acts only on confirmation, and closes when the action succeeds', async () => {
    const onConfirm = vi.fn(async () => true);
    render(<ConfirmButton label="Delete" aria-label="Delete hook" question="Delete this hook?" onConfirm={onConfirm} data-testid="confirm" />, { wrapper: wrap });
    await userEvent.click(screen.getByRole('button', { name: 'Delete hook' }));
    const dialog = await screen.findByTestId('confirm');
    expect(dialog.textContent).toContain('Delete this hook?');
    expect(onConfirm).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByTestId('confirm')).toBeNull());
    expect(onConfirm).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: 'Delete hook' }));
    const confirm = (await screen.findByTestId('confirm')).querySelectorAll('button');
    await userEvent.click(confirm[confirm.length - 1]!);
    expect(onConfirm).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.queryByTestId('confirm')).toBeNull());
  });

  it('stays open when the action fails', async () => {
    const onConfirm = vi.fn(async () => false);
    render(<ConfirmButton label="Revoke" question="Revoke it?" onConfirm={onConfirm} data-testid="confirm" />, { wrapper: wrap });
    await userEvent.click(screen.getByRole('button', { name: 'Revoke' }));
    const buttons = (await screen.findByTestId('confirm')).querySelectorAll('button');
    await userEvent.click(buttons[buttons.length - 1]!);
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('confirm')).toBeTruthy();
  });
});

describe('form errors', () => {
  it('puts server field messages, as sentences, under the form fields and a summary on top', () => {
    const { result } = renderHook(() => useFormErrors(['title', 'tags']), { wrapper: wrap });
    act(() => result.current.fail(badInput({ title: ['must be between 3 and 200 characters'], tags: ['each tag must be 1-50 characters of a-z'] })));
    expect(result.current.fieldError('title')).toBe('Use 3 to 200 characters.');
    expect(result.current.fieldError('tags')).toContain('Tags use lowercase letters');
    expect(result.current.message).toBe('Please correct the highlighted fields.');
  });

  it('shows the server message when a field is not on the form', () => {
    const { result } = renderHook(() => useFormErrors(['title']), { wrapper: wrap });
    act(() => result.current.fail(badInput({ customerId: ['is not a customer of this organization'] })));
    expect(result.current.message).toBe('Invalid input');
    expect(result.current.fieldError('title')).toBeUndefined();
  });

  it('maps server paths to form fields when told how', () => {
    const { result } = renderHook(() => useFormErrors(), { wrapper: wrap });
    act(() => result.current.fail(badInput({ 'hours.1.closes': ['must be after opens'] }), (fields) => ({ '2.0': fields['hours.1.closes']! })));
    expect(result.current.fieldError('2.0')).toBe('Must be after opens.');
    expect(result.current.message).toBe('Please correct the highlighted fields.');
  });

  it('reports the form’s own checks and clears them', () => {
    const { result } = renderHook(() => useFormErrors(['title']), { wrapper: wrap });
    let blocked = false;
    act(() => {
      blocked = result.current.check({ title: 'Use 3 to 200 characters.', tags: null });
    });
    expect(blocked).toBe(true);
    expect(result.current.fieldError('title')).toBe('Use 3 to 200 characters.');
    act(() => result.current.reset());
    expect(result.current.fieldError('title')).toBeUndefined();
    expect(result.current.message).toBeNull();
  });

  it('speaks Bahasa Indonesia when the UI does', () => {
    act(() => setLanguage('id'));
    try {
      const { result } = renderHook(() => useFormErrors(['file']), { wrapper: wrap });
      act(() => result.current.fail(badInput({ file: ['type application/x-msdownload is not allowed'] })));
      expect(result.current.fieldError('file')).toBe('Berkas hingga 10 MB: gambar, PDF, Office, dan teks.');
    } finally {
      act(() => setLanguage('en'));
    }
  });
});
