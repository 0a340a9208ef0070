// Planning one item reads its text the same way several times (title, steps, due date, priority):
// a reader wrapped in this answers a repeat of its last input without reading the text again.
// Its answers are shared, so callers must not change them.
export function rememberLast<R>(read: (text: string) => R): (text: string) => R {
  let lastText: string | undefined;
  let lastResult: R;
  return (text) => {
    if (text !== lastText) {
      lastResult = read(text);
      lastText = text;
    }
    return lastResult;
  };
}
