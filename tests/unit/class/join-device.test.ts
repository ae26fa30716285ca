import { describe, expect, it } from 'vitest'
import { DEVICE_KEY, deviceId, newDeviceId } from '../../../join/device.ts'

function memory(): Storage & { data: Map<string, string> } {
  const data = new Map<string, string>()
  return { data, getItem: k => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) } as Storage & { data: Map<string, string> }
}

describe('the join page\'s device id', () => {
  it('is 32 random hex digits, which the server accepts (16–64 of [A-Za-z0-9_-])', () => {
    const ids = new Set(Array.from({ length: 200 }, newDeviceId))
    expect(ids.size).toBe(200)
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{32}$/)
  })

  it('is made once and kept, so the same phone answering again replaces its answer', () => {
    const store = memory()
    const a = deviceId(store)
    expect(store.data.get(DEVICE_KEY)).toBe(a)
    expect(deviceId(store)).toBe(a)
  })

  it('replaces a kept value the server would refuse, and works when storage throws', () => {
    const store = memory()
    store.setItem(DEVICE_KEY, 'short')
    expect(deviceId(store)).toMatch(/^[0-9a-f]{32}$/)
    const refusing = { getItem: () => { throw new Error('denied') }, setItem: () => { throw new Error('denied') } }
    expect(deviceId(refusing)).toMatch(/^[0-9a-f]{32}$/)
  })
})
