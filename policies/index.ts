import { PolicyPack } from "@pulumi/policy";
import { PACK_NAME, hardenedPackArgs } from "./pack";
import { shareAnalyzeDeserialization } from "./shared-deserialization";

shareAnalyzeDeserialization();
new PolicyPack(PACK_NAME, hardenedPackArgs());
