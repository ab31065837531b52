import { Button, Group, Text } from '@mantine/core';
import { IconPhoto, IconTextCaption, IconTypography } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { Message } from '../../api/types';
import { useT } from '../../i18n/use-t';
import { sanitiseEmailHtml } from './email-html';
import classes from './timeline.module.css';

/**
 * The body of a message: the sender's formatting when it came with HTML (sanitised, remote
 * images held back until the agent asks for them), otherwise — or on request — the plain text.
 * Both toggles are per message: loading one sender's images says nothing about the next.
 */
export function MessageBody({ message }: { message: Message }) {
  const t = useT();
  const hasHtml = Boolean(message.bodyHtml?.trim());
  const [formatted, setFormatted] = useState(true);
  const [showImages, setShowImages] = useState(false);

  const sanitised = useMemo(
    () => (hasHtml ? sanitiseEmailHtml(message.bodyHtml!, { attachments: message.attachments, showRemoteImages: showImages }) : null),
    [hasHtml, message.bodyHtml, message.attachments, showImages],
  );
  // A body that sanitises to nothing (only a script, say) is not worth a toggle: the text it is.
  const html = sanitised && !sanitised.empty ? sanitised : null;
  const showHtml = html !== null && formatted;

  return (
    <>
      {showHtml ? (
        <div className={classes.html} dir="auto" data-testid="message-html" dangerouslySetInnerHTML={{ __html: html.html }} />
      ) : (
        <div className={classes.body} dir="auto" data-testid="message-text">
          {message.bodyText}
        </div>
      )}
      {html && (
        <Group gap={4} mt={6} className={classes.bodyTools}>
          {showHtml && html.blockedImages > 0 && (
            <Group gap={6} wrap="nowrap" data-testid="message-images-blocked">
              <Text size="xs" c="dimmed">
                {t('timeline.images.blocked', { count: html.blockedImages })}
              </Text>
              <Button
                size="compact-xs"
                variant="subtle"
                leftSection={<IconPhoto size={12} />}
                onClick={() => setShowImages(true)}
                title={t('timeline.images.why')}
                data-testid="message-show-images"
              >
                {t('timeline.images.show')}
              </Button>
            </Group>
          )}
          <Button
            size="compact-xs"
            variant="subtle"
            color="gray"
            leftSection={formatted ? <IconTextCaption size={12} /> : <IconTypography size={12} />}
            onClick={() => setFormatted((f) => !f)}
            data-testid="message-format-toggle"
          >
            {t(formatted ? 'timeline.format.plain' : 'timeline.format.original')}
          </Button>
        </Group>
      )}
    </>
  );
}
