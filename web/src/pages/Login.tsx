import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { PageHeader } from '../components/ui';
import { href, navigate } from '../router';
import { useSession } from '../session';

export function LoginPage({ next }: { next: string }) {
  const session = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  if (session.user)
    return (
      <section className="narrow">
        <PageHeader title="Logged in" sub={`You are ${session.user.username} (${session.user.role}).`} />
        <a href={href('search')}>Go to search</a>
      </section>
    );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError('');
    try {
      await session.login(username, password);
      navigate(next && next.startsWith('#/') && !next.startsWith('#/login') ? next : href('search'));
    } catch (err) {
      setError(err instanceof ApiError ? err.detail : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="narrow">
      <PageHeader title="Log in" sub="Analysts log in to comment and review; viewers to read when reading is closed." />
      <form className="card form" onSubmit={submit}>
        <label>
          Username
          <input autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required />
        </label>
        <label>
          Password
          <input
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? 'Logging in…' : 'Log in'}
        </button>
      </form>
    </section>
  );
}
