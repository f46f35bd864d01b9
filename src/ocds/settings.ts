/**
 * What a deployment says about its OCDS publication. The field names are HubConfig's, so the hub
 * passes its configuration as it is (src/config/config.ts: HUB_OCDS_PREFIX, HUB_PUBLISHER_NAME,
 * HUB_PUBLIC_URL).
 */
export interface OcdsSettings {
  /** The registered ocid prefix, ocds-xxxxxx. The default is a placeholder: register your own. */
  ocdsPrefix: string;
  publisherName: string;
  /** Where partners reach the hub (https://hub.example.cn); absent: package URIs from the request's host. */
  publicUrl?: string;
}
