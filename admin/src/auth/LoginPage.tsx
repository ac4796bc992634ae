import { Box, Typography } from '@mui/material';
import { Login, LoginForm, useTranslate } from 'react-admin';

/** react-admin's sign-in form under the campaign's name; the language follows the admin (Chinese first). */
export function LoginPage() {
  const t = useTranslate();
  return (
    <Login sx={{ background: 'linear-gradient(160deg, #1565c0 0%, #0d47a1 60%, #0b2e66 100%)' }}>
      <Box sx={{ px: 2, pt: 1, textAlign: 'center' }}>
        <Typography variant="h6" component="h1">
          {t('app.title')}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {t('app.login.subtitle')}
        </Typography>
      </Box>
      <LoginForm />
    </Login>
  );
}
