// Telling a technician why a TLS connection to the broker failed, in words before codes.

export const isSecureUrl = (url: string): boolean => /^(mqtts|wss):/i.test(url.trim());

/** Certificate and handshake failures (Node's X509 verify codes, ERR_TLS_*, ERR_SSL_*, mqtt.js' own). */
export function isTlsError(e: Error): boolean {
  const code = (e as { code?: unknown }).code;
  return (typeof code === 'string' && /CERT|SIGNATURE|ISSUER|TLS|SSL|OSSL/.test(code)) || e.message === 'TLS not authorized';
}

/** What a technician needs to know, then the raw code and message. */
export function tlsErrorText(e: Error, haveCa: boolean): string {
  const code = String((e as { code?: unknown }).code ?? '');
  let why: string;
  if (/UNABLE_TO_VERIFY_LEAF|SELF_SIGNED|ISSUER|SIGNATURE_FAILURE|TLS not authorized/.test(`${code} ${e.message}`)) {
    why = haveCa ? "the broker's certificate is not signed by the hall CA this device was given" : "the broker's certificate is not trusted: this device has no hall CA";
  } else if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') why = "the broker's certificate does not name the address in the broker URL (re-issue it, or set the servername)";
  else if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID') why = "the broker's certificate is expired or not yet valid (check the device's clock)";
  else why = 'the TLS handshake failed (is this the broker\'s TLS port?)';
  return `TLS: ${why} [${code || 'no code'}: ${e.message}]`;
}
