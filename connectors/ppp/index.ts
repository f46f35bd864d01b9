import { connector } from '../../src/connectorKit';
import { pppProjects } from './projects/stream';

/** PPP (政府和社会资本合作): the 财政部 PPP 综合信息平台项目库, one record per project. */
export const ppp = connector({
  name: 'ppp',
  domain: 'PPP',
  streams: [pppProjects],
});

