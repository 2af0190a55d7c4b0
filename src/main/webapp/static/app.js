// cdp-console: progressive enhancements only; every form works without this file.
document.addEventListener('DOMContentLoaded', () => {
  // The sandbox switcher submits as soon as a sandbox is chosen.
  document.querySelectorAll('select[data-autosubmit]').forEach((select) => {
    select.addEventListener('change', () => select.form.requestSubmit());
  });
  // htmx requests carry the page's CSRF token.
  const token = document.querySelector('meta[name="csrf-token"]');
  document.body.addEventListener('htmx:configRequest', (event) => {
    if (token) {
      event.detail.headers['X-CSRF-Token'] = token.content;
    }
  });
});
