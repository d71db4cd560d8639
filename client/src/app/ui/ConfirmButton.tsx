import { Button, Group, Popover, Text, type ButtonProps, type PopoverProps } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useI18n } from '../i18n';

interface ConfirmButtonProps {
  /** The button's text, and the confirming button's unless `confirmLabel` says otherwise. */
  label: ReactNode;
  confirmLabel?: ReactNode;
  /** The question asked before acting. */
  question: ReactNode;
  /** Does the work; resolving to `false` keeps the question open (e.g. it failed). */
  onConfirm: () => Promise<boolean | void> | boolean | void;
  loading?: boolean;
  color?: string;
  size?: ButtonProps['size'];
  variant?: ButtonProps['variant'];
  'aria-label'?: string;
  position?: PopoverProps['position'];
  maw?: number;
  'data-testid'?: string;
}

/** A button that asks first: a small popover with the question, Cancel, and the action. */
export function ConfirmButton({
  label,
  confirmLabel,
  question,
  onConfirm,
  loading = false,
  color = 'red',
  size = 'compact-sm',
  variant = 'subtle',
  position = 'bottom-end',
  maw = 300,
  ...rest
}: ConfirmButtonProps) {
  const { t } = useI18n();
  const [opened, setOpened] = useState(false);
  const confirm = async () => {
    const result = await onConfirm();
    if (result !== false) setOpened(false);
  };
  return (
    <Popover opened={opened} onChange={setOpened} position={position} withArrow trapFocus returnFocus>
      <Popover.Target>
        <Button size={size} variant={variant} color={color} onClick={() => setOpened((o) => !o)} aria-label={rest['aria-label']} aria-expanded={opened}>
          {label}
        </Button>
      </Popover.Target>
      <Popover.Dropdown maw={maw} data-testid={rest['data-testid']} role="dialog" aria-label={typeof question === 'string' ? question : undefined}>
        <Text size="sm" mb="sm">
          {question}
        </Text>
        <Group justify="flex-end">
          <Button size="xs" variant="default" onClick={() => setOpened(false)}>
            {t('common.cancel')}
          </Button>
          <Button size="xs" color={color} loading={loading} onClick={() => void confirm()}>
            {confirmLabel ?? label}
          </Button>
        </Group>
      </Popover.Dropdown>
    </Popover>
  );
}
