/** IPv4 text <-> 32-bit unsigned integer, and CIDR ranges, for the Service IP allocator. */

/** A parsed IPv4 CIDR: its network address and prefix length. */
export interface Ipv4Cidr {
  network: number;
  prefix: number;
}

/** The unsigned 32-bit value of a dotted-quad address, or undefined if it is not one. */
export function parseIpv4(text: string): number | undefined {
  const parts = text.split(".");
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    value = value * 256 + octet;
  }
  return value;
}

/** The dotted-quad text of an unsigned 32-bit value. */
export function formatIpv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join(".");
}

/** Parses `a.b.c.d/n`; throws on malformed input (the ranges are constants). */
export function parseCidr(text: string): Ipv4Cidr {
  const [ip, bits] = text.split("/");
  const network = parseIpv4(ip ?? "");
  const prefix = Number(bits);
  if (network === undefined || !Number.isInteger(prefix) || prefix < 0 || prefix > 32)
    throw new Error(`invalid CIDR ${text}`);
  return { network, prefix };
}

/** The number of addresses in the CIDR, network and broadcast included. */
export function cidrSize(cidr: Ipv4Cidr): number {
  return 2 ** (32 - cidr.prefix);
}

/** Whether the address lies inside the CIDR. */
export function cidrContains(cidr: Ipv4Cidr, ip: number): boolean {
  return ip >= cidr.network && ip < cidr.network + cidrSize(cidr);
}
