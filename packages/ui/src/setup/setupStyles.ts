// Minimal layout for the shared setup / status screens, injected once (apps keep their own theme).
// On a landscape screen (the 1280×800 pad, a board) the keyboard sits beside the fields, so that 注册
// stays on the screen; portrait screens stack them.
const CSS = `
.setup-screen{box-sizing:border-box;padding:24px 32px;max-width:1280px;margin:0 auto;font-size:22px}
.setup-screen h1{margin:0 0 12px;font-size:36px}.setup-screen p{margin:0 0 8px}
.setup-screen label{display:block;margin:12px 0}.setup-screen input{box-sizing:border-box;font-size:24px;width:100%;min-height:64px;padding:8px}
.setup-actions{display:flex;gap:16px;margin-top:16px}.setup-actions button,.setup-confirm button{font-size:22px;min-height:64px;min-width:64px;padding:0 24px}
.setup-form .hk-keyboard{box-sizing:border-box;width:100%;max-width:100%;padding:12px}
@media (orientation:portrait) and (max-width:900px){.setup-screen{padding:24px 16px}}
@media (orientation:landscape){
  .setup-form{display:grid;grid-template-columns:minmax(0,4fr) minmax(0,8fr);column-gap:32px;align-items:start}
  .setup-form>*{grid-column:1}.setup-form>.hk-keyboard{grid-column:2;grid-row:1/span 4}
}
.setup-error{color:#b00020;font-weight:bold}.setup-checks li.ok{color:#116329}.setup-checks li.bad{color:#b00020}
.device-status{position:fixed;inset:0;display:flex;flex-direction:column;align-items:center;justify-content:center;background:#1d2b44;color:#fff;text-align:center;z-index:50}
.device-status h1{font-size:64px;margin:0 0 24px}.device-status p{font-size:28px}
.technician-corner{position:fixed;top:0;left:0;width:64px;height:64px;opacity:0;border:0;background:transparent;z-index:60}
.technician-pin{position:fixed;inset:10% 20%;background:#fff;color:#000;padding:24px;z-index:70;box-shadow:0 0 40px #0008;overflow:auto}
`;

export function installSetupStyles(): void {
  if (typeof document === 'undefined' || document.getElementById('hallkit-setup-css')) return;
  const s = document.createElement('style');
  s.id = 'hallkit-setup-css';
  s.textContent = CSS;
  document.head.appendChild(s);
}
