/**
 * Deterministic variety for emulated events: a seeded generator (so a test run is reproducible) and the small world
 * the events describe — queues with names and ids, agents, customers. Names are chosen so that typical filters
 * (`^Premium`, media type VOICE, direction INBOUND…) keep some events and drop others.
 */

/** mulberry32: tiny, fast, good enough for test data (not for anything secret). */
export class Random {
  private state: number;

  constructor(seed = 0x5eed) {
    this.state = seed >>> 0;
  }

  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(below: number): number {
    return Math.floor(this.next() * below);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** A version-4-shaped UUID from this generator. */
  uuid(): string {
    const hex = Array.from({ length: 32 }, () => this.int(16).toString(16));
    hex[12] = '4';
    hex[16] = (8 + this.int(4)).toString(16);
    const h = hex.join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
}

export interface Queue {
  id: string;
  name: string;
}
export interface Person {
  id: string;
  name: string;
}

export const QUEUES: readonly Queue[] = [
  { id: '4f1c2a9e-7b3d-4e58-9a61-0c2d8e5f7b14', name: 'Premium Support' },
  { id: '8a2e6c41-3f7b-4d92-b5e8-1a9c0d3e6f27', name: 'Premium Sales' },
  { id: 'c3d9f0a2-5e81-4b6c-8d47-2f1a6b9e0c38', name: 'Standard Support' },
  { id: '1e7b4d93-a2c6-4f05-9b18-3d8e2a7c5f49', name: 'Billing' },
  { id: '6b0a8e25-d4f1-4c73-a96e-4e2b7d1c8a5a', name: 'Technical Support EMEA' },
  { id: 'f2c5a7d8-1b9e-4a34-8c06-5a3e9b2d7f6b', name: 'Returns' },
  { id: '9d4e1b6c-8a3f-4e27-b0d5-6c7a1f4e2b7c', name: 'VIP Gold' },
];

export const AGENTS: readonly Person[] = [
  { id: '278522be-1683-4877-8257-4164a177be89', name: 'John Doe' },
  { id: '5a1f3c7e-9b2d-4e68-a4c1-7d0e8f2b6a91', name: 'Amara Okafor' },
  { id: 'b7e2d4a9-6c1f-4b83-9e05-8a3c1d7f4e02', name: 'Lena Fischer' },
  { id: '3c8f1a6d-2e9b-4c47-b1d8-9f4a2e6c0b13', name: 'Kenji Sato' },
  { id: 'e9a4c2f7-5d3b-4e16-8c92-0b5d3f8a1c24', name: 'Sofía Ramírez' },
];

export const CUSTOMERS: readonly string[] = ['Maria Silva', 'Tom Baker', 'Priya Patel', 'Chen Wei', 'Olga Ivanova'];
export const MEDIA_TYPES = ['VOICE', 'VOICE', 'VOICE', 'CHAT', 'EMAIL', 'CALLBACK', 'MESSAGE'] as const;
export const DIRECTIONS = ['INBOUND', 'INBOUND', 'INBOUND', 'OUTBOUND'] as const;
export const DIVISION_ID = '2d5b8f1e-6a3c-4d97-b4e0-7c1f9a3e5d8b';
