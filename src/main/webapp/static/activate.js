// cdp-console, Activate page: counts the ticked segments and holds the form back past the job's limit
// (the server counts again; this only says it sooner).
document.addEventListener('DOMContentLoaded', () => {
  const form = document.getElementById('activate-form');
  const counter = document.getElementById('segment-counter');
  if (!form || !counter) {
    return;
  }
  const max = Number(form.dataset.max || '80');
  const warning = document.getElementById('segment-limit');
  const buttons = form.querySelectorAll('button[type=submit]');
  const boxes = () => form.querySelectorAll('input[type=checkbox][name=segment]');
  const update = () => {
    const chosen = Array.from(boxes()).filter((box) => box.checked).length;
    counter.textContent = (counter.dataset.template || '{0} / {1}').replace('{0}', chosen).replace('{1}', max);
    const over = chosen > max;
    counter.classList.toggle('text-danger', over);
    counter.dataset.count = String(chosen);
    if (warning) {
      warning.classList.toggle('d-none', !over);
    }
    buttons.forEach((button) => { button.disabled = over; });
  };
  form.addEventListener('change', update);
  update();
});
