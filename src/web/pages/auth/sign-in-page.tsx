import { Alert, Box, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { Logo } from '../../app/logo';
import { homeFor } from '../../app/home';
import { useSession } from '../../app/session';
import { checkWith, usePermission } from '../../app/use-permission';
import { LanguageMenu } from '../../components/language-menu';
import { useT } from '../../i18n/use-t';

/** Only same-app paths are honoured after sign-in, so a crafted link cannot bounce users elsewhere. */
function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : null;
}

/** Email and password sign-in; the language can be switched before signing in. */
export default function SignInPage() {
  const { user, signIn } = useSession();
  const t = useT();
  const check = usePermission();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (user) return <Navigate to={safeNext(params.get('next')) ?? homeFor(check)} replace />;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const signedIn = await signIn(email.trim(), password);
      navigate(safeNext(params.get('next')) ?? homeFor(checkWith(signedIn.permissions)), { replace: true });
    } catch (err) {
      setError(err instanceof ApiError && (err.status === 401 || err.status === 400) ? t('auth.invalid') : t('common.error.network'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box mih="100vh" bg="gray.0">
      <Group justify="flex-end" p="md">
        <LanguageMenu />
      </Group>
      <Center mih="calc(100vh - 140px)">
        <Stack w={380} gap="lg">
          <Center>
            <Logo to="/sign-in" />
          </Center>
          <Paper withBorder shadow="sm" p="xl">
            <form onSubmit={submit}>
              <Stack gap="md">
                <div>
                  <Title order={1} size="h3">
                    {t('auth.title')}
                  </Title>
                  <Text size="sm" c="dimmed" mt={4}>
                    {t('auth.subtitle')}
                  </Text>
                </div>
                {error && (
                  <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} data-testid="sign-in-error">
                    {error}
                  </Alert>
                )}
                <TextInput
                  label={t('auth.email')}
                  type="email"
                  autoComplete="username"
                  required
                  autoFocus
                  value={email}
                  onChange={(e) => setEmail(e.currentTarget.value)}
                  name="email"
                  dir="ltr"
                />
                <PasswordInput
                  label={t('auth.password')}
                  autoComplete="current-password"
                  required
                  value={password}
                  onChange={(e) => setPassword(e.currentTarget.value)}
                  name="password"
                  dir="ltr"
                />
                <Button type="submit" loading={busy} fullWidth mt="xs">
                  {t('auth.submit')}
                </Button>
              </Stack>
            </form>
          </Paper>
          <Text size="xs" c="dimmed" ta="center">
            {t('auth.footer')}
          </Text>
        </Stack>
      </Center>
    </Box>
  );
}
