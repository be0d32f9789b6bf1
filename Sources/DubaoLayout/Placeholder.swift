public enum DubaoLayoutPlaceholder {}
