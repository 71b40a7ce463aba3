/**
 * Incremental Server-Sent Events parser. EventSource only does GET, and /v1/chat is a POST, so the
 * page reads the response body itself and feeds it here chunk by chunk.
 */
export function createSseParser(onEvent) {
  let buffer = '';
  function flushBlock(block) {
    let event = 'message';
    const data = [];
    for (const line of block.split(/\r?\n/)) {
      if (line === '' || line.startsWith(':')) continue; // comments keep proxies from timing out
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      let value = colon === -1 ? '' : line.slice(colon + 1);
      if (value.startsWith(' ')) value = value.slice(1);
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length) onEvent(event, data.join('\n'));
  }
  return {
    push(text) {
      buffer += text;
      let m;
      // An event ends at a blank line; keep the unfinished tail for the next chunk.
      while ((m = /\r?\n\r?\n/.exec(buffer))) {
        flushBlock(buffer.slice(0, m.index));
        buffer = buffer.slice(m.index + m[0].length);
      }
    },
    end() {
      if (buffer.trim()) flushBlock(buffer);
      buffer = '';
    },
  };
}
