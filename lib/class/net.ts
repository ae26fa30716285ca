/**
 * Which address the classroom server listens on. Pure: takes what
 * `os.networkInterfaces()` returns, so the tests give it made-up machines.
 */
import type { NetworkInterfaceInfo } from 'node:os'

/** Interface names of virtual networks (containers, VMs, VPNs) that phones cannot reach. */
const VIRTUAL = /^(?:docker|br-|veth|virbr|vboxnet|vmnet|lxc|lxd|cni|flannel|podman|tun|tap|utun|zt|tailscale|wg)/i

export interface LanChoice {
  /** The address chosen, or `undefined` when the machine has no LAN address. */
  address: string | undefined
  /** Every other candidate, `name address`, to suggest with `--host`. */
  others: string[]
}

/**
 * The first non-internal IPv4 address, preferring real interfaces (Wi-Fi,
 * Ethernet) over virtual ones (Docker, VirtualBox, VPNs) and private ranges
 * (10/8, 172.16/12, 192.168/16) over the rest. Link-local 169.254/16 comes
 * last: it means no network gave the laptop an address.
 */
export function pickLanAddress(ifaces: NodeJS.Dict<NetworkInterfaceInfo[]>): LanChoice {
  const all: { name: string, address: string, rank: number }[] = []
  for (const [name, list] of Object.entries(ifaces)) {
    for (const i of list ?? []) {
      if (i.internal || (i.family !== 'IPv4' && (i.family as unknown) !== 4))
        continue
      const privateRange = /^(?:10\.|192\.168\.|172\.(?:1[6-9]|2\d|3[01])\.)/.test(i.address)
      const linkLocal = i.address.startsWith('169.254.')
      const rank = (VIRTUAL.test(name) ? 4 : 0) + (linkLocal ? 8 : privateRange ? 0 : 1)
      all.push({ name, address: i.address, rank })
    }
  }
  const sorted = all.map((c, i) => ({ ...c, i })).sort((a, b) => a.rank - b.rank || a.i - b.i)
  return { address: sorted[0]?.address, others: sorted.slice(1).map(c => `${c.name} ${c.address}`) }
}

/** `http://host:port` (IPv6 hosts in brackets). */
export function origin(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`
}
