import { Group, Radio, SimpleGrid, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestTypeOffer } from '../../../api/catalogue';
import { formatMinutes } from '../../../api/flex';

export function TypeChoice({
  offered,
  balance,
  value,
  onChange,
  error,
}: {
  offered: RequestTypeOffer[];
  balance: number | null;
  value: string;
  onChange: (value: string) => void;
  error: React.ReactNode;
}) {
  const { t } = useTranslation();
  // A single type the company can choose is chosen for it: nothing to click.
  const choosable = offered.filter((type) => type.available);
  const onlyChoice = choosable.length === 1 ? choosable[0]?.id : undefined;
  useEffect(() => {
    if (onlyChoice && !value) onChange(onlyChoice);
  }, [onlyChoice, value, onChange]);
  return (
    <Radio.Group
      label={t('portal:newTicket.type')}
      description={t('portal:newTicket.typeHint')}
      required
      value={value}
      onChange={onChange}
      error={error}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
        {offered.map((type) => (
          <Radio.Card
            key={type.id}
            value={type.id}
            disabled={!type.available}
            p="md"
            radius="md"
            aria-label={type.name}
            data-testid={`type-${type.code}`}
          >
            <Group wrap="nowrap" align="flex-start">
              <Radio.Indicator disabled={!type.available} />
              <div>
                <Text fw={600}>{type.name}</Text>
                <Text size="sm">{type.description}</Text>
                {type.requiresFlex && balance !== null && (
                  <Text size="sm" mt={4} fw={500} data-testid="flex-balance">
                    {t('portal:newTicket.flexBalance', { balance: formatMinutes(balance) })}
                  </Text>
                )}
                {type.unavailableMessage && (
                  <Text size="sm" mt={4} c="red.8">
                    {type.unavailableMessage}
                  </Text>
                )}
              </div>
            </Group>
          </Radio.Card>
        ))}
      </SimpleGrid>
    </Radio.Group>
  );
}
