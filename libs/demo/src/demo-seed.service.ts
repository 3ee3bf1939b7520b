import { Injectable, Logger } from '@nestjs/common';
import { UsersService } from '@pendamping/identity';
import { RegionsService } from '@pendamping/regions';
import { ConsultationDemoSeeder } from './consultation-demo.seeder';
import { WorkshopDemoSeeder } from './workshop-demo.seeder';
import { DEMO_ADMIN, DEMO_ENTREPRENEURS, DEMO_KECAMATAN, DEMO_KELURAHAN, DEMO_MENTORS, DEMO_PASSWORD, DEMO_SPEAKER, type DemoPeople } from './demo-data';

export interface DemoLogin {
  role: string;
  email: string;
  name: string;
}

/** A small, realistic Jakarta data set for trying the platform; only ever written to an empty database. */
@Injectable()
export class DemoSeedService {
  private readonly logger = new Logger(DemoSeedService.name);

  constructor(
    private readonly users: UsersService,
    private readonly regions: RegionsService,
    private readonly consultations: ConsultationDemoSeeder,
    private readonly workshops: WorkshopDemoSeeder,
  ) {}

  /**
   * Seeds when no account but admins exists; returns the logins it created, or null when the database
   * was not empty. Adds a demo admin when no admin was configured.
   */
  async seedIfEmpty(): Promise<DemoLogin[] | null> {
    const accounts = await this.users.countAccounts();
    if (accounts.others > 0) return null;
    const hasAdmin = accounts.admins > 0;
    const page = await this.regions.list({ parent: DEMO_KECAMATAN, level: 'kelurahan', limit: 100 });
    const existing = new Set(page.items.map((r) => r.code));
    for (const k of DEMO_KELURAHAN.filter((k) => !existing.has(k.code))) {
      await this.regions.create({ code: k.code, name: k.name, level: 'kelurahan', parentCode: DEMO_KECAMATAN });
    }
    const logins: DemoLogin[] = [];
    const people: DemoPeople = { mentorIds: [], speakerId: '', entrepreneurIds: [] };
    if (!hasAdmin) {
      await this.users.create({ ...DEMO_ADMIN, password: DEMO_PASSWORD, roles: ['admin'] });
      logins.push({ role: 'admin (Dinas PPAPP)', email: DEMO_ADMIN.email, name: DEMO_ADMIN.name });
    }
    for (const m of DEMO_MENTORS) {
      const mentor = await this.users.create({
        email: m.email,
        password: DEMO_PASSWORD,
        name: m.name,
        phone: m.phone,
        roles: ['mentor'],
        mentor: { kelurahanCodes: m.kelurahan, topics: m.topics },
      });
      people.mentorIds.push(mentor.id);
      logins.push({ role: 'mentor', email: m.email, name: m.name });
    }
    people.speakerId = (await this.users.create({ ...DEMO_SPEAKER, password: DEMO_PASSWORD, roles: ['speaker'] })).id;
    logins.push({ role: `speaker (${DEMO_SPEAKER.organization})`, email: DEMO_SPEAKER.email, name: DEMO_SPEAKER.name });
    for (const e of DEMO_ENTREPRENEURS) {
      const entrepreneur = await this.users.create({
        email: e.email,
        password: DEMO_PASSWORD,
        name: e.name,
        phone: e.phone,
        roles: ['entrepreneur'],
        business: { name: e.business, type: e.type, kelurahanCode: e.kelurahan },
      });
      people.entrepreneurIds.push(entrepreneur.id);
      logins.push({ role: `entrepreneur (${e.type})`, email: e.email, name: e.name });
    }
    await this.consultations.seed(people);
    await this.workshops.seed(people);
    this.logger.log(`Demo data created: ${logins.length} accounts in Kecamatan Tebet`);
    return logins;
  }
}

