// In-app navigation without a reload (a follow page's live feed is not torn down by a full load).
export function go(path: string): void {
  history.pushState(null, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
}
