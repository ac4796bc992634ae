/** The signed-in user as the server's `login` returned it, kept in localStorage across reloads. */
export interface SessionUser {
  id: string;
  username: string;
  role: Role;
  cityId: string | null;
  schoolId: string | null;
  displayName: string | null;
}

export type Role = 'PROVINCE_ADMIN' | 'CITY_ADMIN' | 'SCHOOL_STAFF' | 'ANALYST' | 'SERVICE';

export interface Session {
  token: string;
  expiresAt: string;
  user: SessionUser;
}

const KEY = 'zj.session';

export function readSession(): Session | null {
  try {
    const session = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Session | null;
    if (!session || Date.parse(session.expiresAt) <= Date.now()) return null;
    return session;
  } catch {
    return null;
  }
}

export function writeSession(session: Session): void {
  localStorage.setItem(KEY, JSON.stringify(session));
}

export function clearSession(): void {
  localStorage.removeItem(KEY);
}

export const bearer = (): string | undefined => {
  const session = readSession();
  return session ? `Bearer ${session.token}` : undefined;
};
