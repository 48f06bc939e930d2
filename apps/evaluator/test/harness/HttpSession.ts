// A logged-in console session against the center's HTTP API (window staff or hall admin).
export class HttpSession {
  private cookie = '';
  constructor(private readonly base: string) {}

  async login(path: '/api/login/staff' | '/api/login/admin', body: unknown): Promise<void> {
    const res = await fetch(this.base + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    this.cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  }

  async post(path: string, body: unknown = {}): Promise<Record<string, unknown>> {
    const res = await fetch(this.base + path, { method: 'POST', headers: { 'content-type': 'application/json', cookie: this.cookie }, body: JSON.stringify(body) });
    const text = await res.text();
    if (!res.ok) throw new Error(`${path}: ${res.status} ${text}`);
    return JSON.parse(text) as Record<string, unknown>;
  }

  async get(path: string): Promise<Record<string, unknown>> {
    const res = await fetch(this.base + path, { headers: { cookie: this.cookie } });
    const text = await res.text();
    if (!res.ok) throw new Error(`${path}: ${res.status} ${text}`);
    return JSON.parse(text) as Record<string, unknown>;
  }
}
