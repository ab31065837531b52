import { Alert } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import { useEffect } from 'react';
import type { ComposerContext, ComposerExtension, ComposerWarning } from '../../tickets/composer-extensions';

const noPrefill = () => null;
const noWarnings = (): ComposerWarning[] => [];
const colors = { info: 'blue', warning: 'yellow', danger: 'red' } as const;

/**
 * Runs one composer extension's hooks in a component of its own, so each extension may use
 * hooks freely and the composer's own hook order never depends on what is registered.
 */
export function ComposerExtensionHost({ extension, ctx, pristine }: { extension: ComposerExtension; ctx: ComposerContext; pristine: boolean }) {
  const prefill = (extension.usePrefill ?? noPrefill)({ ticket: ctx.ticket, kind: ctx.kind, channel: ctx.channel });
  const warnings = (extension.useWarnings ?? noWarnings)(ctx);

  useEffect(() => {
    // Only fill an untouched, empty composer: never overwrite what the agent typed.
    if (prefill && pristine && ctx.text === '') ctx.setText(prefill);
  }, [prefill, pristine, ctx]);

  if (warnings.length === 0) return null;
  return (
    <>
      {warnings.map((w) => (
        <Alert
          key={`${extension.id}:${w.id}`}
          color={colors[w.level]}
          variant="light"
          py={6}
          icon={w.level === 'info' ? <IconInfoCircle size={16} /> : <IconAlertTriangle size={16} />}
          data-testid={`composer-warning-${extension.id}-${w.id}`}
        >
          {w.message}
        </Alert>
      ))}
    </>
  );
}
