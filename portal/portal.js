/*
 * 政务公开信息门户 — the portal's entry module. Plain browser JavaScript modules under js/, no
 * framework, no build step. They talk to the hub's public GraphQL API only (POST graphql, JSON),
 * as any other portal would, and put every piece of API data into the page as text nodes or
 * checked attributes, never as HTML.
 */
import { startAirBoard } from './js/air-board.js';
import { startForecasts } from './js/forecast-view.js';
import { startWarnings } from './js/warning-view.js';
import { startWater } from './js/water-view.js';
import { startSearch } from './js/search.js';
import { startEnterpriseProfile } from './js/enterprise-profile.js';
import { startTrading } from './js/trading-view.js';
import { startPpp } from './js/ppp-view.js';

startAirBoard();
startForecasts();
startWarnings();
startWater();
startSearch();
startEnterpriseProfile();
startTrading();
startPpp();
