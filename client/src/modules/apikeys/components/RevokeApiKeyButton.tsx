import { useMutation } from '@apollo/client/react';
import { notifications } from '@mantine/notifications';
import { describeError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { ConfirmButton } from '../../../app/ui/ConfirmButton';
import { RevokeApiKeyDocument, type ApiKeyFieldsFragment } from '../../../generated/graphql';

/** Revokes a key after a confirmation: it stops working at once, for good. */
export function RevokeApiKeyButton({ apiKey }: { apiKey: ApiKeyFieldsFragment }) {
  const { t } = useI18n();
  const [revoke, { loading }] = useMutation(RevokeApiKeyDocument);

  const onConfirm = async () => {
    try {
      // The answer carries revokedAt: the cached key (and its row) updates by itself.
      await revoke({ variables: { id: apiKey.id } });
      notifications.show({ color: 'green', message: t('apiKeys.revoked', { name: apiKey.name }) });
      return true;
    } catch (error) {
      notifications.show({ color: 'red', message: describeError(error, t) });
      return false;
    }
  };

  return (
    <ConfirmButton
      label={t('apiKeys.revoke')}
      aria-label={t('apiKeys.revokeNamed', { name: apiKey.name })}
      question={t('apiKeys.revokeConfirm', { name: apiKey.name })}
      onConfirm={onConfirm}
      loading={loading}
      data-testid="revoke-confirm"
    />
  );
}
