import { gql } from '@apollo/client';
import type { AuthProvider } from 'react-admin';
import { apolloClient, toSaveError } from '../dataProvider';
import { i18nProvider } from '../i18n';
import { localizeMessage } from '../i18n/localizeMessage';
import { invalidateAllLookups } from '../lookups';
import { clearSession, readSession, writeSession, type Session } from './session';
import type { Permissions } from './permissions';

const LOGIN = gql`
  mutation Login($username: String!, $password: String!) {
    login(username: $username, password: $password) {
      token
      expiresAt
      user {
        id
        username
        role
        cityId
        schoolId
        displayName
      }
    }
  }
`;
const LOGOUT = gql`
  mutation Logout {
    logout
  }
`;
const ME = gql`
  query Me {
    me {
      id
      username
      displayName
      role
      cityId
      schoolId
    }
  }
`;

/** Whether an error from the data provider (an HttpError around Apollo's error) means "not signed in". */
function isSignedOut(error: unknown): boolean {
  const e = error as { status?: number; body?: { graphQLErrors?: { extensions?: { code?: unknown } }[] } } | undefined;
  return e?.status === 401 || Boolean(e?.body?.graphQLErrors?.some((g) => g.extensions?.code === 'UNAUTHENTICATED'));
}

export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    try {
      const result = await apolloClient.mutate<{ login: Session }>({ mutation: LOGIN, variables: { username, password } });
      invalidateAllLookups();
      writeSession(result.data!.login);
    } catch (error) {
      // the server's own words ("用户名或密码错误"), in the language shown
      throw new Error(localizeMessage(toSaveError(error).message, i18nProvider.getLocale()));
    }
  },
  async logout() {
    if (readSession()) await apolloClient.mutate({ mutation: LOGOUT }).catch(() => undefined);
    clearSession();
    invalidateAllLookups();
  },
  async checkAuth() {
    if (!readSession()) throw { message: false };
  },
  async checkError(error) {
    if (isSignedOut(error)) {
      clearSession();
      throw { message: 'ra.notification.logged_out' };
    }
  },
  async getIdentity() {
    const result = await apolloClient.query<{ me: Session['user'] }>({ query: ME, fetchPolicy: 'no-cache' });
    const me = result.data.me;
    return { id: me.id, fullName: me.displayName || me.username };
  },
  async getPermissions(): Promise<Permissions | null> {
    const session = readSession();
    return session ? { role: session.user.role, cityId: session.user.cityId, schoolId: session.user.schoolId } : null;
  },
};
