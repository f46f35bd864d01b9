/** Where the library's project list is served, under the connector's base URL. */
export const PROJECTS_PATH = '/ppp/projects';
