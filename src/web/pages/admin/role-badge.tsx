import { Badge } from '@mantine/core';
import type { Role } from '../../api/types';
import { useT } from '../../i18n/use-t';

const colors: Record<Role, string> = {
  admin: 'red',
  manager: 'grape',
  agent: 'brand',
  field_engineer: 'teal',
  sales: 'orange',
  customer: 'gray',
};

/** A user's role as a coloured badge. */
export function RoleBadge({ role }: { role: Role }) {
  const t = useT();
  return (
    <Badge color={colors[role]} variant="light" size="sm">
      {t(`role.${role}`)}
    </Badge>
  );
}
