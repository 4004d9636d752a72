/**
 * Pod IP allocation per node, as the host-local IPAM plugin does on a kind/kubeadm node:
 * addresses come from the node's `spec.podCIDR` (10.244.N.0/24), starting at .2 (.1 is the
 * bridge gateway), handed out round-robin after the last one reserved, so a released
 * address is reused only after the range wraps around.
 */
export class NodeIpam {
  private inUse = new Set<number>();
  private last = -1;

  constructor(
    private readonly base: number[],
    private readonly size: number,
  ) {}

  /** Parses `a.b.c.d/len`; undefined for anything else (then the caller picks a fallback). */
  static fromCidr(cidr: string | undefined): NodeIpam | undefined {
    const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(cidr ?? "");
    if (!m) return undefined;
    const bits = Number(m[5]);
    if (bits < 16 || bits > 30) return undefined;
    return new NodeIpam(
      [1, 2, 3, 4].map((i) => Number(m[i])),
      2 ** (32 - bits),
    );
  }

  /** The next free address, or undefined when the range is exhausted. */
  allocate(): string | undefined {
    const first = 2;
    const lastHost = this.size - 2;
    const span = lastHost - first + 1;
    for (let i = 0; i < span; i++) {
      const offset = first + ((Math.max(this.last, first - 1) - first + 1 + i) % span);
      if (this.inUse.has(offset)) continue;
      this.inUse.add(offset);
      this.last = offset;
      return this.format(offset);
    }
    return undefined;
  }

  /** Returns an address to the pool. */
  release(ip: string): void {
    const parts = ip.split(".").map(Number);
    const offset = (parts[2] - this.base[2]) * 256 + (parts[3] - this.base[3]);
    this.inUse.delete(offset);
  }

  private format(offset: number): string {
    const value =
      ((this.base[0] << 24) >>> 0) + (this.base[1] << 16) + (this.base[2] << 8) + this.base[3] + offset;
    return [24, 16, 8, 0].map((shift) => (value >>> shift) & 255).join(".");
  }
}
