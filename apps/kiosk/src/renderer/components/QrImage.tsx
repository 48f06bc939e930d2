import { useEffect, useState, type ReactNode } from 'react';
import QRCode from 'qrcode';

/** A QR code drawn in the page (data: URL, allowed by the CSP): the ticket's follow link. */
export function QrImage({ payload, size }: { payload: string; size: number }): ReactNode {
  const [src, setSrc] = useState<string>();
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(payload, { margin: 1, width: size, errorCorrectionLevel: 'M' }).then(
      (url) => live && setSrc(url),
      () => live && setSrc(undefined),
    );
    return () => {
      live = false;
    };
  }, [payload, size]);
  return src ? <img className="qr" src={src} width={size} height={size} alt="QR" data-qr={payload} /> : <div style={{ width: size, height: size }} />;
}
