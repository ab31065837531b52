import { Avatar, type AvatarProps } from '@mantine/core';

const palette = ['brand', 'teal', 'grape', 'orange', 'cyan', 'pink', 'indigo', 'lime', 'violet', 'blue'];

/** A stable colour per person so the same agent looks the same across the app. */
function colorFor(key: string): string {
  let hash = 0;
  for (const char of key) hash = (hash * 31 + char.charCodeAt(0)) | 0;
  return palette[Math.abs(hash) % palette.length]!;
}

/** Initials in a coloured circle; works for any script because it takes code points, not bytes. */
export function PersonAvatar({ name, id, ...props }: { name: string; id?: string | null } & AvatarProps) {
  const initials = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => Array.from(part)[0]!.toUpperCase())
    .join('');
  return (
    <Avatar color={colorFor(id ?? name)} radius="xl" size="sm" {...props}>
      {initials}
    </Avatar>
  );
}
