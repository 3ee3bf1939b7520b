import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { User, UsersService, type NewUser } from '@pendamping/identity';
import { RegionsService } from '@pendamping/regions';
import { ConsultationDemoSeeder } from './consultation-demo.seeder';
import { ConsultationHistorySeeder } from './consultation-history.seeder';
import { FailedDeliverySeeder } from './failed-delivery.seeder';
import { PastWorkshopSeeder } from './past-workshop.seeder';
import { WorkshopDemoSeeder } from './workshop-demo.seeder';
import { DEMO_ADMIN, DEMO_EMAIL_DOMAIN, DEMO_ENTREPRENEURS, DEMO_KECAMATAN, DEMO_KELURAHAN, DEMO_MENTORS, DEMO_PASSWORD, DEMO_SPEAKER, type DemoPeople } from './demo-data';

export interface DemoLogin {
  role: string;
  email: string;
  name: string;
}

/**
 * A small, realistic Jakarta data set for trying the platform; only ever written to a database that holds
 * nothing but admins and demo accounts. The services it calls commit step by step (each with its events and
 * notifications), so the seed is resumable rather than one transaction: every step first looks for what it
 * would write, and a run after a crash midway completes the set, once.
 */
@Injectable()
export class DemoSeedService {
  private readonly logger = new Logger(DemoSeedService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly regions: RegionsService,
    private readonly consultations: ConsultationDemoSeeder,
    private readonly workshops: WorkshopDemoSeeder,
    private readonly history: ConsultationHistorySeeder,
    private readonly failedDelivery: FailedDeliverySeeder,
    private readonly pastWorkshop: PastWorkshopSeeder,
  ) {}

  /**
   * Seeds (or completes a partial demo set) when no account but admins and demo accounts exists; returns
   * the logins, or null when the database holds other people or the set is already complete. Adds a demo
   * admin when no admin was configured.
   */
  async seedIfEmpty(): Promise<DemoLogin[] | null> {
    if (await this.hasRealAccounts()) return null;
    let wrote = await this.ensureKelurahan();
    const logins: DemoLogin[] = [];
    const people: DemoPeople = { mentorIds: [], speakerId: '', entrepreneurIds: [] };
    const account = async (role: string, input: Omit<NewUser, 'password'>): Promise<string> => {
      const { id, created } = await this.ensureUser(input);
      wrote ||= created;
      logins.push({ role, email: input.email, name: input.name });
      return id;
    };
    // The demo admin, unless a configured admin came first (a demo admin left by a crashed run counts as ours).
    const { admins } = await this.users.countAccounts();
    if (admins === 0 || (await this.existingId(DEMO_ADMIN.email))) await account('admin (Dinas PPAPP)', { ...DEMO_ADMIN, roles: ['admin'] });
    for (const m of DEMO_MENTORS) {
      const mentor = { kelurahanCodes: m.kelurahan, topics: m.topics };
      people.mentorIds.push(await account('mentor', { email: m.email, name: m.name, phone: m.phone, roles: ['mentor'], mentor }));
    }
    people.speakerId = await account(`speaker (${DEMO_SPEAKER.organization})`, { ...DEMO_SPEAKER, roles: ['speaker'] });
    for (const e of DEMO_ENTREPRENEURS) {
      const business = { name: e.business, type: e.type, kelurahanCode: e.kelurahan };
      people.entrepreneurIds.push(await account(`entrepreneur (${e.type})`, { email: e.email, name: e.name, phone: e.phone, roles: ['entrepreneur'], business }));
    }
    wrote = (await this.consultations.seed(people)) || wrote;
    // The past after the present: a crash in the history leaves a demo that already works.
    wrote = (await this.workshops.seed(people)) || wrote;
    wrote = (await this.history.seed(people)) || wrote;
    wrote = (await this.failedDelivery.seed(people)) || wrote;
    wrote = (await this.pastWorkshop.seed(people)) || wrote;
    if (!wrote) return null;
    this.logger.log(`Demo data created: ${logins.length} accounts in Kecamatan Tebet`);
    return logins;
  }

  /** Anyone who is neither an admin nor a demo account: then this is not a database to put demo data in. */
  private async hasRealAccounts(): Promise<boolean> {
    const [row] = await this.dataSource.query("SELECT EXISTS (SELECT 1 FROM users WHERE FIND_IN_SET('admin', roles) = 0 AND email NOT LIKE ?) AS found", [
      `%@${DEMO_EMAIL_DOMAIN}`,
    ]);
    return Number(row.found) === 1;
  }

  private async ensureKelurahan(): Promise<boolean> {
    const page = await this.regions.list({ parent: DEMO_KECAMATAN, level: 'kelurahan', limit: 100 });
    const existing = new Set(page.items.map((r) => r.code));
    const missing = DEMO_KELURAHAN.filter((k) => !existing.has(k.code));
    for (const k of missing) await this.regions.create({ code: k.code, name: k.name, level: 'kelurahan', parentCode: DEMO_KECAMATAN });
    return missing.length > 0;
  }

  private async ensureUser(input: Omit<NewUser, 'password'>): Promise<{ id: string; created: boolean }> {
    const id = await this.existingId(input.email);
    if (id) return { id, created: false };
    return { id: (await this.users.create({ ...input, password: DEMO_PASSWORD })).id, created: true };
  }

  private async existingId(email: string): Promise<string | null> {
    const user = await this.dataSource.getRepository(User).findOne({ select: { id: true }, where: { email: email.toLowerCase() } });
    return user?.id ?? null;
  }
}
