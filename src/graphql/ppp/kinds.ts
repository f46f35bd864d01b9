/** The stored kind of the PPP connector (connectors/ppp): one disclosure per project. */
export const PPP_PROJECT_KIND = 'ppp-project';
