import { PolicyPack } from "@pulumi/policy";
import { installPackConfiguration } from "./install-configuration";
import { PACK_NAME, hardenedPackArgs } from "./pack";
import { shareAnalyzeDeserialization } from "./shared-deserialization";

shareAnalyzeDeserialization();
const args = hardenedPackArgs();
installPackConfiguration(args.policies);
new PolicyPack(PACK_NAME, args);
