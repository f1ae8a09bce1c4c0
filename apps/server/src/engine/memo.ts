// A bounded memo for a pure function that hot paths call with the same few arguments (a
// timestamp, an image or container name): one answer per argument, made once, instead of a
// string built per pod or per write. Past `max` arguments it starts again (the working set is
// small; an unusual cluster must not grow it without bound).

export function remembered<K, V>(make: (key: K) => V, max = 1024): (key: K) => V {
  const seen = new Map<K, V>();
  return (key) => {
    let value = seen.get(key);
    if (value === undefined) {
      if (seen.size >= max) seen.clear();
      value = make(key);
      seen.set(key, value);
    }
    return value;
  };
}
