// The hardware panel's page (zh-CN; a technician's and a demo visitor's view, 1280×800 and up).
const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

export function hardwarePanelHtml(token: string, strips: string[], keypads: Record<number, string>): string {
  const stripCards = strips
    .map((w) => `<section class="strip" data-window="${esc(w)}">
  <h2>${esc(w.replace(/^w/, ''))}号窗口 条屏 <small data-field="model"></small> <span class="state" data-field="state"></span></h2>
  <img alt="${esc(w)} 条屏" data-testid="strip-${esc(w)}" src="/strip/${esc(w)}.png?t=${token}">
  <p class="text" data-field="text" data-testid="strip-text-${esc(w)}"></p>
  <p class="said" data-field="said"></p>
  <p class="problem" data-field="problem"></p>
  <div class="row"><button data-plug="unplug">拔掉控制卡</button><button data-plug="replug">插回</button><button data-plug="busy">模拟“控制卡忙”</button></div>
</section>`)
    .join('\n');
  const keypadCards = Object.entries(keypads)
    .map(([a, w]) => `<section class="keypad" data-address="${esc(a)}">
  <h2>${esc(w.replace(/^w/, ''))}号窗口 物理呼叫器 <small>(地址 ${esc(a)})</small></h2>
  <div class="digits" data-testid="keypad-digits-${esc(a)}" aria-label="呼叫器显示"></div>
  <p class="legend">左：等候人数 · 右：当前号码后三位 <span class="beep" data-field="beep" aria-live="polite"></span></p>
  <div class="keys">
    <button data-key="call" data-testid="key-call">叫号</button><button data-key="recall">重呼</button><button data-key="finish">评价/办结</button>
    <button data-key="pause">暂停/恢复</button><button data-key="no-show">过号 (6+确认)</button><button data-key="hold">挂起 (0+确认)</button>
    <button data-key="call-back">回呼 (3+确认)</button>
    <span class="transfer"><input type="number" min="1" max="999" placeholder="窗口号" aria-label="转移到窗口号"><button data-key="transfer">转移</button></span>
  </div>
</section>`)
    .join('\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>条屏与呼叫器模拟</title>
<style>
body{font-family:"Noto Sans SC","Noto Sans CJK SC",sans-serif;background:#1b1d22;color:#eee;margin:24px;font-size:16px}
h1{font-size:22px;margin:0 0 16px}h2{font-size:18px;margin:0 0 8px}small{color:#aab;font-weight:normal}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(820px,1fr));gap:16px}
section{background:#262a31;border-radius:8px;padding:16px}
img{display:block;width:800px;max-width:100%;image-rendering:pixelated;border:1px solid #444;background:#111}
.text{white-space:pre-line;color:#cfd;font-size:15px}.said{color:#9cf}.problem{color:#ffb347}
.state.on{color:#7f7}.state.off{color:#f77}
.digits{display:flex;gap:6px;background:#000;padding:10px;border-radius:6px;width:max-content}
.digits span{width:44px;height:64px;font:bold 52px/64px monospace;color:#ff3b2f;text-align:center;background:#140000;border-radius:3px}
.keys{display:flex;flex-wrap:wrap;gap:8px;margin-top:10px}
button{font-size:16px;padding:10px 16px;border-radius:6px;border:0;background:#3b6ef5;color:#fff;cursor:pointer;min-height:44px}
button:focus-visible{outline:3px solid #fff}
.row button{background:#555}.transfer input{width:90px;font-size:16px;padding:9px;border-radius:6px;border:0}
.beep{color:#ffd21a;font-weight:bold;margin-left:12px}
table{border-collapse:collapse;margin-top:8px}td{padding:2px 10px;border-bottom:1px solid #333;font-size:14px}
</style></head><body>
<h1>条屏与呼叫器模拟（Onbon BX 控制卡 · RS-485 呼叫器总线）</h1>
<p>在窗口控制台叫号，或按下面呼叫器的键：条屏随叫号切换；6号窗口的 BX-6K-YY 控制卡会自己播报。拔掉控制卡再插回，条屏自动补上当前状态。</p>
<div class="grid">${stripCards}
${keypadCards}
<section><h2>呼叫器操作记录</h2><table data-testid="keypad-outcomes"><tbody></tbody></table></section></div>
<script>
const T=${JSON.stringify(token)};
const RESULT={done:'已执行',refused:'被拒绝',offline:'未联网，已拒绝（三声）',ignored:'忽略'};
const ACTION={'call-next':'叫号',recall:'重呼',finish:'办结',pause:'暂停','resume':'恢复','no-show':'过号',hold:'挂起','call-back':'回呼',transfer:'转移'};
const revs={};
async function refresh(){
  let s;try{s=await (await fetch('/api/state?t='+T)).json()}catch{return}
  for(const [w,v] of Object.entries(s.strips)){
    const el=document.querySelector('[data-window="'+w+'"]');if(!el)continue;
    el.querySelector('[data-field=text]').textContent=v.text||'（黑屏）';
    el.querySelector('[data-field=model]').textContent=v.model;
    const st=el.querySelector('[data-field=state]');st.textContent=v.online?'控制卡在线':'控制卡已拔掉';st.className='state '+(v.online?'on':'off');
    el.querySelector('[data-field=said]').textContent=v.spoken.length?'播报：'+v.spoken.at(-1).replace(/\\[n\\d\\]/g,''):'';
    el.querySelector('[data-field=problem]').textContent=v.problems.length?'控制卡发现：'+v.problems.at(-1):'';
    if(revs[w]!==v.rev){revs[w]=v.rev;el.querySelector('img').src='/strip/'+w+'.png?t='+T+'&r='+v.rev}
  }
  for(const [a,k] of Object.entries(s.keypads)){
    const el=document.querySelector('[data-address="'+a+'"]');if(!el)continue;
    el.querySelector('.digits').innerHTML=[...k.digits].map(c=>'<span>'+(c===' '?'':c)+'</span>').join('');
    el.querySelector('[data-field=beep]').textContent=k.lastBeeps?('嘀'.repeat(k.lastBeeps)):'';
  }
  document.querySelector('[data-testid=keypad-outcomes] tbody').innerHTML=s.outcomes.map(o=>'<tr><td>'+o.at.slice(11,19)+'</td><td>'+(ACTION[o.action]||o.action)+'</td><td>'+(RESULT[o.result]||o.result)+(o.code?' ('+o.code+')':'')+'</td></tr>').join('');
}
document.addEventListener('click',async e=>{
  const b=e.target.closest('button');if(!b)return;
  if(b.dataset.key){const sec=b.closest('[data-address]');const body={key:b.dataset.key};
    if(b.dataset.key==='transfer')body.toWindowNumber=Number(sec.querySelector('.transfer input').value);
    await fetch('/api/keypad/'+sec.dataset.address+'/press?t='+T,{method:'POST',headers:{'content-type':'application/json'},body:JSON.stringify(body)});}
  if(b.dataset.plug){const sec=b.closest('[data-window]');await fetch('/api/strip/'+sec.dataset.window+'/'+b.dataset.plug+'?t='+T,{method:'POST'});}
  refresh();
});
refresh();setInterval(refresh,500);
</script></body></html>`;
}
