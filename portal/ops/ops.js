/*
 * 数据运维视图 — the operations page's entry module. Like the portal it is plain browser modules,
 * no build step, nothing from outside; it reuses the portal's DOM and API helpers (../js/) and
 * asks the admin GraphQL fields with the token the operator pastes.
 */
import { startOpsView } from './js/ops-view.js';

startOpsView();
