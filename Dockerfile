# Build and run Compact Review. Used by docker-compose.yml.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY pom.xml .
COPY bpmn bpmn
COPY src src
RUN mvn -B -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 compactreview
WORKDIR /app
COPY --from=build /build/target/compact-review-*.jar /app/compact-review.jar
USER compactreview
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/compact-review.jar"]
