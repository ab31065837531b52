import { Box, Group, Paper, Skeleton, Stack } from '@mantine/core';
import classes from './page-skeleton.module.css';

const rows = [72, 54, 66, 48, 60];

/**
 * What a page looks like while its code is still on the way: the outline of a title and a list,
 * in the place the page will take, without a spinner and without motion. It fades in only after
 * a short delay, so a quick load shows nothing in between.
 */
export function PageSkeleton({ padded = false }: { padded?: boolean }) {
  return (
    <Box className={classes.root} p={padded ? 'lg' : 0} aria-busy="true" data-testid="page-skeleton">
      <Stack gap={8} mb="md">
        <Skeleton h={24} w={220} radius="sm" animate={false} />
        <Skeleton h={12} w={320} maw="80%" radius="sm" animate={false} />
      </Stack>
      <Paper withBorder p="md">
        <Stack gap="md">
          {rows.map((width, i) => (
            <Group key={i} gap="md" wrap="nowrap">
              <Skeleton h={12} w={56} radius="sm" animate={false} />
              <Skeleton h={12} w={`${width}%`} radius="sm" animate={false} />
            </Group>
          ))}
        </Stack>
      </Paper>
    </Box>
  );
}
