#!/usr/bin/env python3
"""Prints a SAM template as CloudFormation sees it after the AWS::Serverless transform, as JSON.

It runs the real SAM translator through cfn-lint's wrapper (the one `cfn-lint template.yaml` runs), with the
managed policies cfn-lint ships, so that no AWS account is needed. Tests read its output to check what would be
deployed: IAM policies, bucket policies, cache behaviours, alarms. Usage: sam_transform.py template.yaml
"""
import json
import sys

from cfnlint.decode import decode
from cfnlint.template.transforms._sam import Transform


def main(path: str) -> None:
    template, matches = decode(path)
    if matches:
        sys.exit("\n".join(str(m) for m in matches))
    transform = Transform(path, template, "eu-west-3")
    errors = transform.transform_template()
    if errors:
        sys.exit("\n".join(str(m) for m in errors))
    json.dump(transform.template(), sys.stdout, default=str, indent=1, sort_keys=True)


if __name__ == "__main__":
    main(sys.argv[1])
