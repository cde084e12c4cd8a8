import { PolicyPack } from "@pulumi/policy";
import { PACK_NAME, hardenedPackArgs } from "./pack";

new PolicyPack(PACK_NAME, hardenedPackArgs());
