import { Text, type TextProps } from '@mantine/core';

/** A fingerprint as people compare it (3F2A-91C0-…): monospace, never broken across lines. */
export function Fingerprint({ value, ...props }: TextProps & { value: string; 'data-testid'?: string }) {
  return (
    <Text ff="monospace" fw={600} style={{ whiteSpace: 'nowrap', letterSpacing: '0.04em' }} {...props}>
      {value}
    </Text>
  );
}
