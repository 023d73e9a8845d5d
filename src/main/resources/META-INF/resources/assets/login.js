// The sign-in form: POST /api/v1/auth/login sets the session and CSRF cookies, then on to the dashboard.
const form = document.getElementById('login');
const error = document.getElementById('error');
form.addEventListener('submit', async (e) => {
  e.preventDefault();
  error.textContent = '';
  const button = form.querySelector('button');
  button.disabled = true;
  try {
    // A browser still holding a session must echo its CSRF cookie, or the gate refuses the request.
    const csrf = document.cookie.match(/(?:^|;\s*)(?:__Host-)?hearth_csrf=([^;]*)/);
    const headers = { 'Content-Type': 'application/json' };
    if (csrf) headers['X-CSRF-Token'] = decodeURIComponent(csrf[1]);
    const res = await fetch('/api/v1/auth/login', {
      method: 'POST', headers,
      body: JSON.stringify({ username: form.username.value, password: form.password.value }),
    });
    if (res.ok) { location.href = '/'; return; }
    const body = await res.json().catch(() => ({}));
    error.textContent = (body.error && body.error.message) || ('Sign-in failed (' + res.status + ')');
  } catch (err) {
    error.textContent = 'Hearth did not answer: ' + err.message;
  } finally {
    button.disabled = false;
  }
});
