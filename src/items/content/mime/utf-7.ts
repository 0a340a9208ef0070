// UTF-7 (RFC 2152), which Outlook 2000 still sent: "+" opens a run of modified base64 holding
// UTF-16, ended by "-" (dropped) or any other character; "+-" is a plus sign. No TextDecoder has it.

// Used for email text and encoded words declared utf-7.
export function decodeUtf7(text: string): string {
  return text.replace(/\+([A-Za-z0-9+/]*)-?/g, (whole, run: string) => {
    if (run === '') return whole === '+-' ? '+' : whole;
    const bytes = Buffer.from(run, 'base64');
    let out = '';
    for (let i = 0; i + 1 < bytes.length; i += 2) out += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!);
    return out;
  });
}

