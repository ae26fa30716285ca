/**
 * The phone's device id: made once with `crypto.getRandomValues` (not
 * `crypto.randomUUID`, which exists only on HTTPS pages: the classroom
 * server speaks plain HTTP on the LAN) and kept in localStorage, so the
 * same phone answering again replaces its answer instead of adding one.
 * It names no one; the server stores only a salted hash of it.
 */
export const DEVICE_KEY = 'kit-class-device'
const VALID = /^[\w-]{16,64}$/

export function newDeviceId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('')
}

/** This phone's id; a new one if none is kept (or storage is refused, as in some private modes: then for this tab only). */
export function deviceId(storage: Pick<Storage, 'getItem' | 'setItem'> | undefined = globalThis.localStorage): string {
  try {
    const kept = storage?.getItem(DEVICE_KEY)
    if (kept && VALID.test(kept))
      return kept
  }
  catch {}
  const id = newDeviceId()
  try {
    storage?.setItem(DEVICE_KEY, id)
  }
  catch {}
  return id
}
