import { PACK_NAME } from "../pack";
import { serveHardenedPack } from "../serve-pack";

serveHardenedPack(`${PACK_NAME}-baseline`, { profile: "baseline" });
