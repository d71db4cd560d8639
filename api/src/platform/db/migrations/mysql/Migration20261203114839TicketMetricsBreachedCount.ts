import { Migration } from '@mikro-orm/migrations';

export class Migration20261203114839 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`ticket_metrics_daily\` add \`breached\` int not null default 0;`);
    // Existing days get their count: the daily roll-up is filled again from the metrics rows.
    this.addSql(`DELETE FROM ticket_metrics_daily;`);
    this.addSql(`INSERT INTO ticket_metrics_daily (tenant_id, day, category, priority, channel, department, status, created, fr_met, fr_decided, res_met, res_decided, reopened, resolved_once, resolved_now, csat_sum, csat_n, breached, resolved) SELECT tenant_id, day, category, priority, channel, department, status, 1 * SUM(created) AS created, 1 * SUM(fr_met) AS fr_met, 1 * SUM(fr_decided) AS fr_decided, 1 * SUM(res_met) AS res_met, 1 * SUM(res_decided) AS res_decided, 1 * SUM(reopened) AS reopened, 1 * SUM(resolved_once) AS resolved_once, 1 * SUM(resolved_now) AS resolved_now, 1 * SUM(csat_sum) AS csat_sum, 1 * SUM(csat_n) AS csat_n, 1 * SUM(breached) AS breached, 1 * SUM(resolved) AS resolved
      FROM (SELECT tenant_id, category, priority, channel, COALESCE(department, '') AS department, status, created_day AS day, 1 AS created, CASE WHEN sla_first_response = 'MET' THEN 1 ELSE 0 END AS fr_met, CASE WHEN sla_first_response IN ('MET', 'BREACHED') THEN 1 ELSE 0 END AS fr_decided, CASE WHEN sla_resolution = 'MET' THEN 1 ELSE 0 END AS res_met, CASE WHEN sla_resolution IN ('MET', 'BREACHED') THEN 1 ELSE 0 END AS res_decided, CASE WHEN reopens > 0 THEN 1 ELSE 0 END AS reopened, CASE WHEN reopens > 0 OR resolved_at IS NOT NULL THEN 1 ELSE 0 END AS resolved_once, CASE WHEN resolved_at IS NOT NULL THEN 1 ELSE 0 END AS resolved_now, COALESCE(csat_score, 0) AS csat_sum, CASE WHEN csat_score IS NOT NULL THEN 1 ELSE 0 END AS csat_n, CASE WHEN sla_first_response = 'BREACHED' OR sla_resolution = 'BREACHED' THEN 1 ELSE 0 END AS breached, 0 AS resolved FROM ticket_metrics WHERE 1 = 1 UNION ALL SELECT tenant_id, category, priority, channel, COALESCE(department, '') AS department, status, resolved_day AS day, 0 AS created, 0 AS fr_met, 0 AS fr_decided, 0 AS res_met, 0 AS res_decided, 0 AS reopened, 0 AS resolved_once, 0 AS resolved_now, 0 AS csat_sum, 0 AS csat_n, 0 AS breached, 1 AS resolved FROM ticket_metrics WHERE 1 = 1 AND resolved_at IS NOT NULL) c WHERE 1 = 1 GROUP BY tenant_id, day, category, priority, channel, department, status ON DUPLICATE KEY UPDATE created = created + VALUES(created), fr_met = fr_met + VALUES(fr_met), fr_decided = fr_decided + VALUES(fr_decided), res_met = res_met + VALUES(res_met), res_decided = res_decided + VALUES(res_decided), reopened = reopened + VALUES(reopened), resolved_once = resolved_once + VALUES(resolved_once), resolved_now = resolved_now + VALUES(resolved_now), csat_sum = csat_sum + VALUES(csat_sum), csat_n = csat_n + VALUES(csat_n), breached = breached + VALUES(breached), resolved = resolved + VALUES(resolved);`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table \`ticket_metrics_daily\` drop column \`breached\`;`);
  }

}
