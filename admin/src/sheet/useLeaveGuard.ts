import { useEffect } from 'react';

/**
 * With unsaved rows, leaving asks first: closing or reloading the page (the browser's own prompt),
 * following any link out of the sheet (menu, record page) and signing out (`confirm` with `question`).
 */
export function useLeaveGuard(pending: number, question: string) {
  useEffect(() => {
    if (pending === 0) return;
    const beforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    const click = (e: MouseEvent) => {
      const target = e.target instanceof Element ? e.target.closest('a[href], .logout') : null;
      if (!target) return;
      const href = target.getAttribute('href');
      if (href && (href === window.location.hash || href.startsWith('http') || target.getAttribute('download') != null)) return;
      if (window.confirm(question)) return;
      e.preventDefault();
      e.stopPropagation();
    };
    window.addEventListener('beforeunload', beforeUnload);
    document.addEventListener('click', click, true);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      document.removeEventListener('click', click, true);
    };
  }, [pending, question]);
}
