import { Button, Group, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useStaffT } from '../staff/i18n';

export interface DateRange {
  from: string;
  to: string;
}

/**
 * A period from one date to another (both required, YYYY-MM-DD) and the button that asks for it;
 * `children` are further buttons of the same row (a shortcut to this month …).
 */
export function DateRangeForm({
  value,
  onChange,
  onSubmit,
  submitLabel,
  loading = false,
  children,
}: {
  value: DateRange;
  onChange: (range: DateRange) => void;
  onSubmit: (range: DateRange) => void;
  submitLabel: string;
  loading?: boolean;
  children?: ReactNode;
}) {
  const { st } = useStaffT();
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(value);
      }}
    >
      <Group align="flex-end" gap="xs">
        <TextInput
          type="date"
          label={st('admin.billing.from')}
          value={value.from}
          onChange={(e) => onChange({ ...value, from: e.currentTarget.value })}
          required
        />
        <TextInput
          type="date"
          label={st('admin.billing.to')}
          value={value.to}
          onChange={(e) => onChange({ ...value, to: e.currentTarget.value })}
          required
        />
        <Button type="submit" variant="default" loading={loading}>
          {submitLabel}
        </Button>
        {children}
      </Group>
    </form>
  );
}
